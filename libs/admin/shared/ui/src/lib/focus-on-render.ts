import { afterNextRender, Directive, ElementRef, inject } from '@angular/core';

/**
 * Focuses its element once it is rendered. For a dialog whose content is swapped (a form replaced
 * by the secret it created): the focused field is gone, and `cdkFocusInitial` only acts when the
 * dialog opens, so without this the focus would fall back to the page behind the dialog.
 */
@Directive({ selector: '[admFocusOnRender]' })
export class FocusOnRender {
  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef);
    afterNextRender(() => host.nativeElement.focus());
  }
}
