// Terminal styling: colour only when the stream is a TTY and NO_COLOR is unset.
import { styleText } from 'node:util';

export type Stylist = (style: Parameters<typeof styleText>[0], text: string) => string;

export function stylist(color: boolean): Stylist {
  return color ? (style, text) => styleText(style, text, { validateStream: false }) : (_style, text) => text;
}

export function useColor(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
}
