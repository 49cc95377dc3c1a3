import { Command, CommanderError, Option } from 'commander';
import { isKnownError } from '../errors.js';
import { tr } from '../report/context.js';
import { locationText } from '../report/text.js';
import type { Lang } from '../types.js';
import { toolVersion } from '../version.js';
import type { CheckCommandOptions } from './commands/check.js';
import type { InitCommandOptions } from './commands/init.js';
import type { RulesOptions } from './commands/rules.js';
import { parseLang } from './lang.js';
import { processIo, type CliIo } from './io.js';
import { helpConfiguration, usageErrorText } from './help-text.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/**
 * The whole CLI: parse argv, run a command, return the exit code. Never calls process.exit. Each command's
 * modules are imported when it runs, so `chuan --version` or `chuan rules` does not load the checker.
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  let code = 0;
  const debug = argv.includes('--debug');
  const lang: Lang = argv.includes('--lang') && argv[argv.indexOf('--lang') + 1] === 'en' ? 'en' : 'vi';
  const program = new Command('chuan')
    .description('Kiểm tra trường đạt chuẩn quốc gia theo các thông tư trong rules/')
    .version(toolVersion, '-V, --version', 'in phiên bản')
    .helpOption('-h, --help', 'hiện hướng dẫn')
    .option('--debug', 'in chi tiết lỗi nội bộ (stack trace)')
    .exitOverride()
    .configureHelp(helpConfiguration(lang))
    .helpCommand(lang === 'vi' ? 'help [lệnh]' : 'help [command]', lang === 'vi' ? 'hiện hướng dẫn của lệnh' : 'display help for command')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => undefined });

  program
    .command('check')
    .description('kiểm tra một thư mục trường, hoặc mọi thư mục trường bên dưới một thư mục')
    .argument('[paths...]', 'thư mục trường hoặc thư mục chứa nhiều trường (mặc định: thư mục hiện tại)')
    .addOption(new Option('-f, --format <format>', 'stylish | markdown | docx | json | junit | sarif | github (lặp lại được; dạng ten=tệp để ghi ra tệp; docx luôn ghi ra tệp)').argParser(collect).default([], 'stylish'))
    .option('-o, --output <file>', 'ghi báo cáo ra tệp thay vì màn hình (tạo thư mục còn thiếu; - là màn hình)')
    .addOption(new Option('--lang <lang>', 'ngôn ngữ báo cáo').choices(['vi', 'en']).default('vi'))
    .option('--level <level>', 'mức đích cần kiểm tra (mặc định: muc_tieu trong truong.yaml)')
    .addOption(new Option('--fail-on <severity>', 'mã thoát 1 khi có chỉ số chưa đạt ở mức này').choices(['error', 'warning', 'never']).default('error'))
    .option('--as-of <date>', 'ngày tham chiếu YYYY-MM-DD (mặc định: hôm nay)')
    .option('--circular <circular>', 'thông tư áp dụng: số hoặc mã bộ quy tắc, xem chuan rules (mặc định: thong_tu trong truong.yaml)')
    .option('--config <file>', 'tệp cấu hình (mặc định: chuan.config.yaml gần nhất)')
    .option('--color', 'luôn tô màu')
    .option('--no-color', 'không tô màu')
    .option('-j, --jobs <n>', 'số luồng kiểm tra song song cho nhiều trường (mặc định: số nhân CPU)')
    .option('--output-dir <dir>', 'ghi mỗi trường một báo cáo Markdown và một bản Word, cùng TONG-HOP.md và TONG-HOP.docx, vào thư mục này (tạo nếu chưa có)')
    .option('-q, --quiet', 'không in tiến trình và dòng "đã ghi …" ra stderr (lỗi vẫn in)')
    .option('--baseline <file>', 'kết quả JSON của lần kiểm tra trước (chuan check --format json): báo cáo Markdown có thêm phần so sánh với năm trước')
    .action(async (paths: string[], options: CheckCommandOptions) => {
      code = await (await import('./commands/check.js')).runCheck(paths, options, io);
    });

  program
    .command('rules')
    .description('liệt kê các quy tắc: mã, căn cứ, mức, trạng thái xác minh, mô tả')
    .option('--circular <circular>', 'lọc theo thông tư: 02, 59, 47 hoặc mã bộ quy tắc')
    .option('--level <level>', 'lọc theo mức')
    .option('--standard <n>', 'lọc theo tiêu chuẩn 1..5')
    .addOption(new Option('--verification <status>', 'lọc theo trạng thái xác minh').choices(['confirmed', 'secondary', 'unverified']))
    .addOption(new Option('--format <format>', 'text | json').choices(['text', 'json']).default('text'))
    .addOption(new Option('--lang <lang>', 'ngôn ngữ').choices(['vi', 'en']).default('vi'))
    .action(async (options: Omit<RulesOptions, 'lang'> & { lang: string }) => {
      code = (await import('./commands/rules.js')).runRules({ ...options, lang: parseLang(options.lang) }, io);
    });

  program
    .command('explain')
    .description('giải thích đầy đủ một quy tắc')
    .argument('<rule-id>', 'mã quy tắc, ví dụ TT47.TH.S1.C1.so-lop')
    .addOption(new Option('--lang <lang>', 'ngôn ngữ').choices(['vi', 'en']).default('vi'))
    .action(async (id: string, options: { lang: string }) => {
      code = (await import('./commands/rules.js')).runExplain(id, parseLang(options.lang), io);
    });

  program
    .command('init')
    .description('tạo thư mục trường mới: truong.yaml và năm tệp tiêu chuẩn có chú thích, không bao giờ ghi đè')
    .argument('<dir>', 'thư mục trường cần tạo')
    .requiredOption('--cap <cap>', 'cấp học: mam-non | tieu-hoc | thcs | thpt | nhieu-cap')
    .option('--level <level>', 'mức đích (mặc định: mức chuẩn quốc gia thấp nhất của thông tư)')
    .option('--nam-hoc <nam-hoc>', 'năm học tự kiểm tra, ví dụ 2025-2026 (mặc định: năm học hiện tại)')
    .option('--ten <ten>', 'tên trường')
    .option('--tinh <tinh>', 'tỉnh/thành phố')
    .option('--khu-vuc <khu-vuc>', 'thanh_thi | nong_thon | mien_nui | dac_biet_kho_khan (mặc định: nong_thon)')
    .option('--circular <circular>', 'thông tư áp dụng: số hoặc mã bộ quy tắc, xem chuan rules (mặc định: bộ quy tắc cũ theo cấp học)')
    .option('--cac-cap <list>', 'trường nhiều cấp học, với thông tư đánh giá riêng từng cấp: các cấp học, ví dụ thcs,thpt hoặc tieu-hoc,thcs (mặc định: thcs,thpt)')
    .addOption(new Option('--lang <lang>', 'ngôn ngữ').choices(['vi', 'en']).default('vi'))
    .action(async (dir: string, options: Omit<InitCommandOptions, 'lang'> & { lang: string }) => {
      code = (await import('./commands/init.js')).runInit(dir, { ...options, lang: parseLang(options.lang) }, io);
    });

  program
    .command('diff')
    .description('so sánh hai kết quả JSON (năm trước, năm nay): mức đạt được, chỉ số đã khắc phục, chỉ số mới chưa đạt')
    .argument('<old>', 'kết quả JSON cũ (chuan check --format json)')
    .argument('<new>', 'kết quả JSON mới')
    .addOption(new Option('--lang <lang>', 'ngôn ngữ').choices(['vi', 'en']).default('vi'))
    .action(async (oldFile: string, newFile: string, options: { lang: string }) => {
      code = (await import('./commands/diff.js')).runDiff(oldFile, newFile, { lang: parseLang(options.lang) }, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    return reportError(error, io, lang, debug);
  }
}

function reportError(error: unknown, io: CliIo, lang: Lang, debug: boolean): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    io.stderr.write(`chuan: ${usageErrorText(error.code, error.message, lang)}\n`);
    return 2;
  }
  if (isKnownError(error)) {
    const details = error.details.length > 0 ? error.details : [{ message: error.text, location: error.location }];
    if (error.details.length > 0) io.stderr.write(`chuan: ${tr(error.text, lang)}\n`);
    for (const d of details) {
      const at = d.location ? `${locationText(d.location, process.cwd())}: ` : '';
      io.stderr.write(`chuan: ${at}${tr(d.message, lang)}\n`);
    }
    if (debug) io.stderr.write(`${error.stack ?? ''}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(lang === 'vi' ? `chuan: lỗi nội bộ: ${message} (chạy lại với --debug để xem chi tiết)\n` : `chuan: internal error: ${message} (run again with --debug for details)\n`);
  if (debug && error instanceof Error) io.stderr.write(`${error.stack ?? ''}\n`);
  return 2;
}
