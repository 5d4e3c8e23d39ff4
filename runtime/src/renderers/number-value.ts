import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Binds a number to an <input>'s value without fighting the person typing: "1." or "1,0" in
 * progress already mean 1, so the text is left alone while it still parses to the bound value.
 */
class NumberValue extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('numberValue() must be used as an element directive');
  }
  render(_value: number | undefined): typeof noChange {
    return noChange;
  }
  override update(part: ElementPart, [value]: [number | undefined]): typeof noChange {
    const input = part.element as HTMLInputElement;
    const text = input.value;
    const typed = text === '' ? undefined : Number(text);
    const same = value === undefined ? text === '' || input.validity?.badInput : typed === value;
    if (!same) input.value = value === undefined ? '' : String(value);
    return noChange;
  }
}

export const numberValue = directive(NumberValue);
