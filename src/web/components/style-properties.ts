import { noChange } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * An element directive that sets inline style properties through the CSSOM
 * (`element.style.setProperty`) on every render. lit's `styleMap` writes a
 * `style` attribute on its first render, which a Content-Security-Policy
 * without 'unsafe-inline' blocks (CSP Level 3, `style-src-attr`), and the
 * CSSOM is not subject to that directive.
 */
class StylePropertiesDirective extends Directive {
  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) {
      throw new TypeError('styleProperties() must be bound to an element, as in <div ${styleProperties({...})}>.');
    }
  }

  render(_properties: Readonly<Record<string, string>>): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [Readonly<Record<string, string>>]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const [name, value] of Object.entries(properties)) {
      style.setProperty(name, value);
    }
    return noChange;
  }
}

/** Sets CSS properties, named in kebab case, on the element it is bound to. */
export const styleProperties = directive(StylePropertiesDirective);
