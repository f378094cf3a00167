import fs from 'node:fs';

/** Debian's Chromium; never a browser downloaded by Playwright */
export function chromiumPath(): string {
  const file = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(file)) {
    throw new Error(
      `找不到 Chromium（${file}）。浏览器端到端测试使用系统的 Chromium：请运行 \`apt-get install -y chromium\`` +
        `（.ci/run 会自动安装），或设置 CHROMIUM_PATH 指向已安装的 Chromium。`,
    );
  }
  return file;
}

/** the API prints PDFs with the same flags: one list, kept with the API's PDF printer */
export { CHROMIUM_ARGS } from '../../apps/api/src/modules/exports/pdf/chromium';
