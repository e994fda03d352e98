// Font subsetting with HarfBuzz's hb-subset (harfbuzzjs's WebAssembly build). Each full font is loaded into the
// WebAssembly memory once and kept there: copying a 15 MB face in for every subset cost three times the subsetting.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The parts of hb-subset's C API we call (harfbuzz's names), as the WebAssembly module exports them. */
interface HarfBuzz {
  readonly memory: { readonly buffer: ArrayBuffer };
  _initialize(): void;
  malloc(size: number): number;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_get_flags(input: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;
const HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE = 0x200;

/** Horizontal print needs no hinting and no vertical or alternate forms: these features only, no layout closure. */
const keptFeatures = ['kern', 'liga', 'locl', 'ccmp'];
// Tags are four ASCII letters: one byte each.
const tag = (name: string) =>
  Array.from(name, (c) => c.charCodeAt(0)).reduce((value, c) => ((value << 8) | c) >>> 0, 0);

export class FontSubsetError extends Error {
  override name = 'FontSubsetError';
}

// Node has WebAssembly; the TypeScript lib for it comes with the DOM types, which this project does not load.
const { WebAssembly: wasm } = globalThis as unknown as {
  WebAssembly: { instantiate(bytes: Uint8Array): Promise<{ instance: { exports: unknown } }> };
};

let harfbuzz: Promise<HarfBuzz> | undefined;

function loadHarfBuzz(): Promise<HarfBuzz> {
  harfbuzz ??= wasm
    .instantiate(readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')))
    .then(({ instance }) => {
      const hb = instance.exports as HarfBuzz;
      hb._initialize();
      return hb;
    });
  return harfbuzz;
}

/** A full font kept in HarfBuzz's memory, to subset many times. */
export interface FontSubsetter {
  /** A TrueType font with the glyphs of `characters` only. */
  readonly subset: (characters: string) => Uint8Array;
}

const subsetters = new Map<string, Promise<FontSubsetter>>();

/** The subsetter of a font file; each file is loaded once per process (a face takes 10–15 MB of the module's memory). */
export function fontSubsetter(fontFile: string): Promise<FontSubsetter> {
  let loaded = subsetters.get(fontFile);
  if (!loaded) {
    loaded = load(fontFile);
    subsetters.set(fontFile, loaded);
    loaded.catch(() => subsetters.delete(fontFile));
  }
  return loaded;
}

async function load(fontFile: string): Promise<FontSubsetter> {
  const hb = await loadHarfBuzz();
  const bytes = readFileSync(fontFile);
  const data = hb.malloc(bytes.length);
  if (data === 0) throw new FontSubsetError(`cannot load ${fontFile}: out of WebAssembly memory`);
  new Uint8Array(hb.memory.buffer).set(bytes, data);
  const blob = hb.hb_blob_create(data, bytes.length, HB_MEMORY_MODE_READONLY, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  return {
    subset(characters) {
      const input = hb.hb_subset_input_create_or_fail();
      if (input === 0) throw new FontSubsetError(`cannot subset ${fontFile}: hb_subset_input_create_or_fail failed`);
      const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
      hb.hb_set_clear(features);
      for (const feature of keptFeatures) hb.hb_set_add(features, tag(feature));
      hb.hb_subset_input_set_flags(
        input,
        hb.hb_subset_input_get_flags(input) | HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE,
      );
      const unicodes = hb.hb_subset_input_unicode_set(input);
      for (const character of characters) hb.hb_set_add(unicodes, character.codePointAt(0)!);
      const subset = hb.hb_subset_or_fail(face, input);
      hb.hb_subset_input_destroy(input);
      if (subset === 0) throw new FontSubsetError(`cannot subset ${fontFile}: hb_subset_or_fail failed`);
      const result = hb.hb_face_reference_blob(subset);
      try {
        const offset = hb.hb_blob_get_data(result, 0);
        const length = hb.hb_blob_get_length(result);
        if (length === 0) throw new FontSubsetError(`cannot subset ${fontFile}: empty result`);
        // Copied out: the WebAssembly memory may move when it grows.
        return new Uint8Array(hb.memory.buffer).slice(offset, offset + length);
      } finally {
        hb.hb_blob_destroy(result);
        hb.hb_face_destroy(subset);
      }
    },
  };
}
