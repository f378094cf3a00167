/**
 * The public pages' one stylesheet: the site around the report (system sans-serif, high contrast —
 * text and links ≥ 4.5:1, visible focus, nothing that needs a wide screen) and the report's own
 * official layout (the domain's REPORT_CSS, the same as every download). Served under a name that
 * carries its hash, so browsers may keep it for a year.
 */
import { sha256Hex } from '@touming/domain/hash';
import { REPORT_CSS } from '@touming/domain/render';

const SITE_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; font-size: 16px; line-height: 1.6; color: #1a1a1a; background: #f4f5f7; }
a { color: #0a4f9e; }
a:hover { color: #06356b; }
a:focus-visible, summary:focus-visible { outline: 3px solid #0a4f9e; outline-offset: 2px; }
.wrap { max-width: 1040px; margin: 0 auto; padding: 0 16px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 8px 12px; z-index: 10; }
.skip:focus { left: 8px; }
.site-header { background: #9b1c1c; color: #fff; }
.site-header .wrap { padding-top: 14px; padding-bottom: 12px; }
.site-name { color: #fff; font-size: 22px; font-weight: 700; text-decoration: none; }
.site-name:hover, .site-name:focus { color: #fff; text-decoration: underline; }
.site-sub { margin: 2px 0 0; font-size: 15px; color: #fff; }
.site-nav { background: #fff; border-bottom: 1px solid #d7dbe0; }
.site-nav ul { list-style: none; margin: 0 auto; padding: 0 16px; display: flex; flex-wrap: wrap; gap: 4px 20px; max-width: 1040px; }
.site-nav a { display: inline-block; padding: 10px 0; text-decoration: none; font-weight: 600; }
.site-nav a[aria-current="page"] { border-bottom: 3px solid #9b1c1c; color: #1a1a1a; }
.breadcrumb ol { list-style: none; display: flex; flex-wrap: wrap; gap: 4px; margin: 12px 0 0; padding: 0; font-size: 14px; color: #4a4f57; }
.breadcrumb li + li::before { content: "›"; margin: 0 6px 0 2px; color: #4a4f57; }
main { padding-bottom: 32px; }
main h1.page-title { font-size: 24px; line-height: 1.35; margin: 16px 0 12px; }
.panel { background: #fff; border: 1px solid #d7dbe0; border-radius: 6px; padding: 16px; margin: 16px 0; }
.panel > h2 { font-size: 19px; margin: 0 0 10px; }
.panel > h3 { font-size: 17px; margin: 16px 0 8px; }
.meta { color: #4a4f57; font-size: 14px; }
.list { list-style: none; margin: 0; padding: 0; }
.list li { padding: 10px 0; border-top: 1px solid #e6e8eb; }
.list li:first-child { border-top: 0; }
.list a { font-weight: 600; }
.tag { display: inline-block; font-size: 13px; line-height: 1.4; padding: 1px 8px; border-radius: 10px; border: 1px solid currentColor; margin-left: 6px; white-space: nowrap; }
.tag.correction { color: #8a4b00; }
.tag.superseded { color: #4a4f57; }
.years { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 8px; }
.years a { display: inline-block; min-width: 88px; padding: 8px 12px; border: 1px solid #b8c0ca; border-radius: 6px; text-decoration: none; background: #fff; text-align: center; }
.years a[aria-current="page"] { background: #0a4f9e; border-color: #0a4f9e; color: #fff; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
.facts dt { color: #4a4f57; }
.facts dd { margin: 0; }
.notice { border-left: 5px solid; padding: 12px 16px; margin: 16px 0; background: #fff; }
.notice h2 { font-size: 18px; margin: 0 0 6px; }
.notice p { margin: 4px 0; }
.notice.correction { border-color: #b45d00; background: #fff8ef; }
.notice.superseded { border-color: #4a4f57; background: #f1f2f4; }
.downloads { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 8px; }
.downloads a, .downloads .unavailable { display: inline-block; padding: 8px 14px; border: 1px solid #0a4f9e; border-radius: 6px; text-decoration: none; background: #fff; }
.downloads .unavailable { border-color: #b8c0ca; color: #4a4f57; }
.report-body { background: #fff; border: 1px solid #d7dbe0; padding: 24px 16px; margin: 16px 0; }
.hash { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 14px; word-break: break-all; background: #f1f2f4; padding: 6px 8px; display: block; }
.steps { padding-left: 1.4em; margin: 8px 0; }
.steps code, .panel p code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; background: #f1f2f4; padding: 0 4px; overflow-wrap: anywhere; }
table.data { border-collapse: collapse; width: 100%; font-size: 15px; }
table.data th, table.data td { border: 1px solid #d7dbe0; padding: 6px 8px; text-align: left; vertical-align: top; }
table.data th { background: #f1f2f4; font-weight: 600; }
.scroll { overflow-x: auto; }
.scroll:focus-visible { outline: 3px solid #0a4f9e; }
.site-footer { border-top: 1px solid #d7dbe0; background: #fff; color: #4a4f57; font-size: 14px; }
.site-footer .wrap { padding-top: 16px; padding-bottom: 24px; }
@media (max-width: 600px) { main h1.page-title { font-size: 20px; } .report-body { padding: 16px 10px; } .facts { grid-template-columns: 1fr; } .facts dd { margin-bottom: 6px; } }
@media print { .site-header, .site-nav, .breadcrumb, .site-footer, .downloads, .no-print { display: none; } body { background: #fff; } .report-body { border: 0; padding: 0; } }
`;

export const GONGKAI_CSS = `${SITE_CSS.trim()}\n${REPORT_CSS.trim()}\n`;

/** the stylesheet's URL: its hash in the name, so a changed stylesheet is a new URL */
export const GONGKAI_CSS_PATH = `/gongkai/assets/gongkai.${sha256Hex(GONGKAI_CSS).slice(0, 12)}.css`;
