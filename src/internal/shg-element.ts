import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { adoptLocaleFrom, currentLocale, isRtl, watchDocumentLanguage } from './localization.js';
import { VERSION } from './version.js';

type Registered = CustomElementConstructor & { shgVersion?: string };
const warnedTags = new Set<string>();

/**
 * What every shg-* element shares: a guarded define() so two copies of the
 * library on one page never throw, typed events, and the UI locale.
 */
export class ShgElement extends LitElement {
  /** The version of the library that defined this class. */
  static shgVersion = VERSION;

  /**
   * Registers the element under `tag` unless that tag is taken: quietly when the
   * same version registered it (a second script tag), with one warning when another did.
   */
  static define(tag: string, ctor: Registered = this): void {
    const existing = customElements.get(tag) as Registered | undefined;
    if (!existing) {
      customElements.define(tag, ctor);
      return;
    }
    if (existing === ctor || existing.shgVersion === VERSION) return;
    if (!warnedTags.has(tag)) {
      warnedTags.add(tag);
      console.warn(
        `selbsthilfe-widgets: <${tag}> is already defined by version ${existing.shgVersion ?? 'unknown'}; ` +
          `version ${VERSION} is not registered. Load the library only once.`,
      );
    }
  }

  /** The language of the element's UI. Read from the nearest `lang` when the page does not call setLocale(). */
  @property({ reflect: true }) override lang = '';

  override connectedCallback(): void {
    super.connectedCallback();
    watchDocumentLanguage();
    void adoptLocaleFrom(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang') && changed.get('lang') !== undefined) void adoptLocaleFrom(this);
  }

  /** The active UI locale ("de", "ar", ...). */
  get locale(): string {
    return currentLocale();
  }

  /** "rtl" for Arabic and Farsi, else "ltr": the `dir` of the element's shadow content. */
  get textDirection(): 'rtl' | 'ltr' {
    return isRtl(this.locale) ? 'rtl' : 'ltr';
  }

  /** Dispatches a bubbling, composed event; returns false when a listener cancelled it. */
  protected emit<K extends keyof ShgEventMap>(
    name: K,
    detail: ShgEventMap[K] extends CustomEvent<infer D> ? D : never,
    options: { cancelable?: boolean } = {},
  ): boolean {
    const event = new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false });
    return this.dispatchEvent(event);
  }
}

/** Every event an shg-* element fires, merged into GlobalEventHandlersEventMap by each element's module. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ShgEventMap {}
