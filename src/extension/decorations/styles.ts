/**
 * The look of mentions: one decoration type per style (country, person,
 * organization, agreement) and status. Confirmed mentions get a solid
 * background, suggestions an underline whose style and thickness differ by type (UNDERLINES); both mark the overview ruler.
 * Colors are theme colors declared in the manifest (`contributes.colors`).
 */
import * as vscode from 'vscode';
import type { EntityType } from '../../core/model';

export const STYLES = ['country', 'person', 'organization', 'agreement'] as const;
export type Style = (typeof STYLES)[number];
export const STATUSES = ['confirmed', 'suggested'] as const;
export type ShownStatus = (typeof STATUSES)[number];

/** Every agreement type shares one style: the tree tells the types apart. */
export function styleOf(type: EntityType): Style {
  return type === 'country' || type === 'person' || type === 'organization' ? type : 'agreement';
}

/**
 * Suggestions differ by line style and thickness as well as hue, so they
 * stay apart for colour-blind readers and on themes where hues look alike.
 */
export const UNDERLINES: Record<Style, { style: string; width: string }> = {
  country: { style: 'dashed', width: '2px' },
  person: { style: 'dotted', width: '2px' },
  organization: { style: 'double', width: '3px' },
  agreement: { style: 'solid', width: '2px' },
};

export function colorId(style: Style, part: 'background' | 'border'): string {
  return `articleAnnotator.${style}${part === 'background' ? 'Background' : 'Border'}`;
}

export function createDecorationTypes(): Map<string, vscode.TextEditorDecorationType> {
  const types = new Map<string, vscode.TextEditorDecorationType>();
  for (const style of STYLES) {
    const border = new vscode.ThemeColor(colorId(style, 'border'));
    types.set(
      key(style, 'confirmed'),
      vscode.window.createTextEditorDecorationType({
        backgroundColor: new vscode.ThemeColor(colorId(style, 'background')),
        borderRadius: '2px',
        overviewRulerColor: border,
        overviewRulerLane: vscode.OverviewRulerLane.Right,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }),
    );
    types.set(
      key(style, 'suggested'),
      vscode.window.createTextEditorDecorationType({
        borderColor: border,
        borderStyle: `none none ${UNDERLINES[style].style} none`,
        borderWidth: `0 0 ${UNDERLINES[style].width} 0`,
        overviewRulerColor: border,
        overviewRulerLane: vscode.OverviewRulerLane.Center,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }),
    );
  }
  return types;
}

export function key(style: Style, status: ShownStatus): string {
  return `${style}.${status}`;
}
