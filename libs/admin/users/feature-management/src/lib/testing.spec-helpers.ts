import { TestBed } from '@angular/core/testing';

/** Lets Angular render and the dialogs' timers and microtasks run, a few rounds. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r));
    TestBed.tick();
  }
}

/** Clicks the form's submit button and settles. */
export async function submit(el: HTMLElement): Promise<void> {
  el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
  await settle();
}

/** Esc on the page and a click on the backdrop: what closes an ordinary dialog. */
export async function tryToDismiss(): Promise<void> {
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', keyCode: 27, bubbles: true }));
  await settle();
  document.querySelector<HTMLElement>('.cdk-overlay-backdrop')?.click();
  await settle();
}
