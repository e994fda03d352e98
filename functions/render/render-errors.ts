// Errors of the renderer: one base class, named subclasses, the cause kept.
export class RenderError extends Error {
  override readonly name: string = 'RenderError';
}

export class PdfTimeoutError extends RenderError {
  override readonly name = 'PdfTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`printing the PDF took longer than ${timeoutMs} ms`);
  }
}

export class PrinterClosedError extends RenderError {
  override readonly name = 'PrinterClosedError';
  constructor() {
    super('the PDF printer is closed');
  }
}
