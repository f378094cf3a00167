/**
 * PDF from the report's HTML, printed by headless Chromium — the same markup as the preview and the
 * HTML download, so the PDF cannot differ from them. One browser with one script-less, offline context
 * is started on the first request and reused (a new page per document: a context costs about a
 * second to make, a page little); at most `concurrency` documents print
 * at once, a bounded number wait, and each has a time limit. Where no Chromium is installed, or it
 * cannot start, the caller gets SERVICE_UNAVAILABLE with a Chinese message saying what to do instead.
 */
import { chromium, type BrowserContext } from 'playwright-core';
import { appError } from '../../../common/errors';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium';

export interface PdfSettings {
  /** Chromium's executable, or null when there is none */
  executablePath: string | null;
  /** documents printed at the same time */
  concurrency: number;
  /** documents waiting for a turn before further requests are refused */
  maxQueue: number;
  /** time limit of one document, waiting excluded */
  timeoutMs: number;
}

function positiveInteger(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(n) && n > 0 ? n : fallback;
}

export function pdfSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): PdfSettings {
  return {
    executablePath: chromiumExecutable(env),
    concurrency: positiveInteger(env.PDF_CONCURRENCY, 2),
    maxQueue: positiveInteger(env.PDF_QUEUE, 20),
    timeoutMs: positiveInteger(env.PDF_TIMEOUT_MS, 30_000),
  };
}

export const PDF_UNAVAILABLE_MESSAGE =
  '本服务器没有安装 Chromium，暂时无法生成 PDF。请下载 DOCX 或 HTML 版本（在浏览器中打开 HTML 后可“打印 → 另存为 PDF”），或请系统管理员安装 chromium（或设置 CHROMIUM_PATH）。';

export const pdfUnavailable = (message = PDF_UNAVAILABLE_MESSAGE) => appError('SERVICE_UNAVAILABLE', message);

export class PdfPrinter {
  private settings: PdfSettings = pdfSettingsFromEnv();
  /** the browser's one context, once started */
  private browser: Promise<BrowserContext> | null = null;
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  /** tests and deployments adjust the settings here (the container builds it bare) */
  configure(settings: Partial<PdfSettings>): this {
    this.settings = { ...this.settings, ...settings };
    return this;
  }

  get available(): boolean {
    return this.settings.executablePath !== null;
  }

  /** the PDF (A4, the page size the HTML's print CSS asks for) of a whole HTML document */
  async print(html: string): Promise<Buffer> {
    if (!this.settings.executablePath) throw pdfUnavailable();
    await this.turn();
    try {
      const context = await this.launch();
      const page = await context.newPage();
      let timer: NodeJS.Timeout | undefined;
      try {
        const work = (async () => {
          await page.setContent(html, { waitUntil: 'load', timeout: this.settings.timeoutMs });
          return page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
        })();
        const limit = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(pdfUnavailable(`生成 PDF 超时（${Math.round(this.settings.timeoutMs / 1000)} 秒），请稍后再试或下载 DOCX 版本。`)), this.settings.timeoutMs);
        });
        // a timed-out print is abandoned; closing its page below ends it in the browser
        work.catch(() => undefined);
        return await Promise.race([work, limit]);
      } finally {
        clearTimeout(timer);
        await page.close().catch(() => undefined);
      }
    } finally {
      this.release();
    }
  }

  /** closes the browser (server shutdown) */
  async close(): Promise<void> {
    const pending = this.browser;
    this.browser = null;
    if (pending) await (await pending.catch(() => null))?.browser()?.close().catch(() => undefined);
  }

  private launch(): Promise<BrowserContext> {
    if (!this.browser) {
      const started = chromium
        .launch({ executablePath: this.settings.executablePath!, headless: true, args: CHROMIUM_ARGS })
        .then((browser) => {
          // a crashed or killed browser is started again on the next request
          browser.on('disconnected', () => {
            if (this.browser === started) this.browser = null;
          });
          // report text is escaped and the HTML loads nothing; still, no script runs and no request leaves
          return browser.newContext({ javaScriptEnabled: false, offline: true });
        })
        .catch((error: unknown) => {
          this.browser = null;
          throw pdfUnavailable(`Chromium 无法启动，暂时无法生成 PDF（${error instanceof Error ? error.message.split('\n')[0].slice(0, 200) : '未知错误'}）。请下载 DOCX 或 HTML 版本。`);
        });
      this.browser = started;
    }
    return this.browser;
  }

  private async turn(): Promise<void> {
    if (this.running < this.settings.concurrency) {
      this.running++;
      return;
    }
    if (this.waiting.length >= this.settings.maxQueue) throw pdfUnavailable('正在生成的 PDF 较多，请稍后再试。');
    // release() hands its slot straight to the first waiter, so running stays counted
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
