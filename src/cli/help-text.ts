import { Help, type Argument, type Command, type Option } from 'commander';
import type { Lang } from '../types.js';

const TITLES: Record<string, string> = { 'Usage:': 'Cách dùng:', 'Options:': 'Tùy chọn:', 'Global Options:': 'Tùy chọn chung:', 'Arguments:': 'Tham số:', 'Commands:': 'Lệnh:' };

/** "(choices: "vi", "en", default: "vi")" as the Vietnamese help reads it. */
const extras = (text: string): string => text.replace(/\((choices: .*?|default: .*?)\)$/, (all) => all.replace('choices: ', 'chọn một trong: ').replace(/(^\(|, )default: /, '$1mặc định: '));
const terms = (text: string): string => text.replaceAll('[options]', '[tùy chọn]').replaceAll('[command]', '[lệnh]');

/**
 * Commander writes its help's titles and extras in English: in Vietnamese they are translated before the
 * help is laid out, so that its columns stay aligned and wrapped. Pass to configureHelp.
 */
export function helpConfiguration(lang: Lang): Partial<Help> {
  if (lang === 'en') return {};
  const base = Help.prototype;
  return {
    styleTitle: (title: string) => TITLES[title] ?? title,
    commandUsage(this: Help, cmd: Command) {
      return terms(base.commandUsage.call(this, cmd));
    },
    subcommandTerm(this: Help, cmd: Command) {
      return terms(base.subcommandTerm.call(this, cmd));
    },
    optionDescription(this: Help, option: Option) {
      return extras(base.optionDescription.call(this, option));
    },
    argumentDescription(this: Help, argument: Argument) {
      return extras(base.argumentDescription.call(this, argument));
    },
  };
}

/**
 * Commander's own usage errors ("unknown option '--x'", "option '-f, --format <format>' argument missing",
 * "Allowed choices are …") in the user's language, with its suggestion; English is commander's text.
 */
export function usageErrorText(code: string, message: string, lang: Lang): string {
  const original = message.replace(/^error: /, '');
  if (lang === 'en') return `${original.replace(/\n/g, ' ')} (see chuan --help)`;
  const [first = '', ...rest] = original.split('\n');
  const similar = /^\(Did you mean (?:one of )?(.+)\?\)$/.exec(rest.join(' ').trim())?.[1];
  const suggestion = similar ? ` (có phải ${similar.split(', ').join(' hoặc ')}?)` : '';
  const quoted = (pattern: RegExp): string[] => pattern.exec(first)?.slice(1) ?? [];
  let text: string;
  switch (code) {
    case 'commander.unknownOption':
      text = `tùy chọn không hợp lệ: ${quoted(/'([^']*)'/)[0] ?? first}${suggestion}`;
      break;
    case 'commander.unknownCommand':
      text = `lệnh không hợp lệ: ${quoted(/'([^']*)'/)[0] ?? first}${suggestion}; các lệnh: check, rules, explain, init, diff`;
      break;
    case 'commander.missingArgument':
      text = `thiếu tham số <${quoted(/'([^']*)'/)[0] ?? ''}>`;
      break;
    case 'commander.optionMissingArgument': {
      const [flags = first] = quoted(/'([^']*)'/);
      text = `tùy chọn ${flags.replace(/ <.*>$/, '')} thiếu giá trị ${/<.*>$/.exec(flags)?.[0] ?? ''}`.trim();
      break;
    }
    case 'commander.missingMandatoryOptionValue':
      text = `thiếu tùy chọn bắt buộc ${quoted(/'([^']*)'/)[0] ?? first}`;
      break;
    case 'commander.invalidArgument': {
      const [flags, value] = quoted(/^option '([^']*)' argument '([^']*)' is invalid/);
      const choices = /Allowed choices are (.+)\.$/.exec(first)?.[1];
      const name = flags ? flags.replace(/ <.*>$/, '').split(', ').at(-1) : quoted(/for argument '([^']*)'/)[0];
      text = `giá trị không hợp lệ${name ? ` cho ${name}` : ''}: "${value ?? quoted(/value '([^']*)'/)[0] ?? ''}"${choices ? `; chọn một trong: ${choices}` : ''}`;
      break;
    }
    case 'commander.excessArguments': {
      const [command, expected, got] = quoted(/^too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\.$/);
      text = `thừa tham số${command ? ` cho lệnh ${command}` : ''}: cần ${expected ?? '?'} tham số, đang có ${got ?? '?'}`;
      break;
    }
    case 'commander.conflictingOption':
      text = `hai tùy chọn không dùng cùng nhau: ${first.replace(/^option /, '').replace(' cannot be used with option ', ' và ')}`;
      break;
    default:
      text = 'lỗi cách dùng';
  }
  return `${text} (xem chuan --help)`;
}
