/**
 * Limits checked on an uploaded ZIP (an XLSX is one) before any library inflates it: a 552 KB upload
 * could inflate to 400 MB in one sheet (a "zip bomb"), costing seconds of CPU and hundreds of MB of
 * memory inside the XLSX reader. Here the central directory is read, the number of entries and the
 * sizes they declare are checked, and then every entry is inflated with a hard output cap — the
 * declared sizes are the sender's word, the inflated bytes are counted. Whatever the file claims, no
 * more than the budget is ever produced.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  maxEntries: number;
  /** all entries together, inflated */
  maxUncompressedBytes: number;
}

/** three tables need a few hundred KB in a dozen entries; these leave room for styles, images, themes */
export const XLSX_LIMITS: ZipLimits = { maxEntries: 200, maxUncompressedBytes: 20 * 1024 * 1024 };

export class ZipLimitError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function endOfCentralDirectory(data: Buffer): number {
  // the record is 22 bytes plus a comment of at most 65,535 bytes, at the very end
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (data.readUInt32LE(at) === EOCD) return at;
  }
  throw new ZipLimitError('文件不是有效的 XLSX 工作簿（不是 ZIP 文件）');
}

/** throws ZipLimitError (a Chinese message) when the archive is malformed or over a limit */
export function checkZipLimits(data: Buffer, limits: ZipLimits = XLSX_LIMITS): void {
  if (data.length < 22) throw new ZipLimitError('文件不是有效的 XLSX 工作簿（不是 ZIP 文件）');
  const eocd = endOfCentralDirectory(data);
  const declaredEntries = data.readUInt16LE(eocd + 10);
  const directorySize = data.readUInt32LE(eocd + 12);
  const directoryOffset = data.readUInt32LE(eocd + 16);
  if (declaredEntries === 0xffff || directoryOffset === 0xffffffff || directorySize === 0xffffffff) {
    throw new ZipLimitError('文件过大（ZIP64 格式），不是三张表格所需的工作簿');
  }
  if (declaredEntries > limits.maxEntries) {
    throw new ZipLimitError(`工作簿包含的文件过多（${declaredEntries} 个，上限 ${limits.maxEntries}）`);
  }
  if (directoryOffset + directorySize > eocd) throw new ZipLimitError('文件不是有效的 XLSX 工作簿（ZIP 目录损坏）');

  let at = directoryOffset;
  let entries = 0;
  let declaredTotal = 0;
  let inflatedTotal = 0;
  while (at < directoryOffset + directorySize) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL) throw new ZipLimitError('文件不是有效的 XLSX 工作簿（ZIP 目录损坏）');
    entries += 1;
    if (entries > limits.maxEntries) throw new ZipLimitError(`工作簿包含的文件过多（超过 ${limits.maxEntries} 个）`);
    const method = data.readUInt16LE(at + 10);
    const compressedSize = data.readUInt32LE(at + 20);
    const declaredSize = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const localOffset = data.readUInt32LE(at + 42);
    declaredTotal += declaredSize;
    if (declaredTotal > limits.maxUncompressedBytes) {
      throw new ZipLimitError(`工作簿解压后过大（声明超过 ${mb(limits.maxUncompressedBytes)}），不是三张表格所需的工作簿`);
    }
    // the entry's data, found through its local header (whose name and extra lengths may differ)
    if (localOffset + 30 > data.length || data.readUInt32LE(localOffset) !== LOCAL) throw new ZipLimitError('文件不是有效的 XLSX 工作簿（ZIP 条目损坏）');
    const start = localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
    if (start + compressedSize > data.length) throw new ZipLimitError('文件不是有效的 XLSX 工作簿（ZIP 条目被截断）');
    const budget = limits.maxUncompressedBytes - inflatedTotal;
    if (method === STORED) {
      inflatedTotal += compressedSize;
    } else if (method === DEFLATED) {
      try {
        inflatedTotal += inflateRawSync(data.subarray(start, start + compressedSize), { maxOutputLength: Math.max(1, budget) }).length;
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new ZipLimitError(`工作簿解压后过大（超过 ${mb(limits.maxUncompressedBytes)}），不是三张表格所需的工作簿`);
        }
        throw new ZipLimitError('文件不是有效的 XLSX 工作簿（压缩数据损坏）');
      }
    } else {
      throw new ZipLimitError(`工作簿使用了不支持的压缩方式（${method}）`);
    }
    if (inflatedTotal > limits.maxUncompressedBytes) {
      throw new ZipLimitError(`工作簿解压后过大（超过 ${mb(limits.maxUncompressedBytes)}），不是三张表格所需的工作簿`);
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (entries !== declaredEntries) throw new ZipLimitError('文件不是有效的 XLSX 工作簿（ZIP 目录与条目数不符）');
}
