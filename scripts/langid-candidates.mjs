// The language identifiers compared by scripts/eval-langid.mjs, behind one shape:
// `detect(text)` gives an ISO 639-1 code (or '' when the identifier gives none).
// Only the one the project uses is a dependency; the others are measured when
// installed next to it (`npm install --no-save franc-min tinyld cld3-asm`).

/** ISO 639-3 (franc) to 639-1, for the languages of the set and their usual confusions. */
const ISO3 = {
  eng: 'en',
  fra: 'fr',
  spa: 'es',
  vie: 'vi',
  arb: 'ar',
  ara: 'ar',
  deu: 'de',
  ita: 'it',
  por: 'pt',
  cmn: 'zh',
  rus: 'ru',
  ukr: 'uk',
  bel: 'be',
  bul: 'bg',
  srp: 'sr',
  cat: 'ca',
  glg: 'gl',
  nld: 'nl',
  ron: 'ro',
  pes: 'fa',
  urd: 'ur',
  jpn: 'ja',
  kor: 'ko',
  ind: 'id',
  zlm: 'ms',
  tgl: 'tl',
  tur: 'tr',
  pol: 'pl',
  ces: 'cs',
  swe: 'sv',
  dan: 'da',
  nob: 'no',
  hun: 'hu',
  yue: 'zh',
  wuu: 'zh',
  hak: 'zh',
  nan: 'zh',
  sco: 'en',
  lat: 'la',
  ilo: 'ilo',
  ceb: 'ceb',
  hau: 'ha',
  som: 'so',
  uzn: 'uz',
};

export const CANDIDATES = [
  {
    name: 'eld (small)',
    pkg: 'eld',
    entry: "export { eld } from 'eld/small';",
    async load() {
      const { eld } = await import('eld/small');
      return (t) => eld.detect(t).language || '';
    },
  },
  {
    name: 'eld (extrasmall)',
    pkg: 'eld',
    entry: "export { eld } from 'eld/extrasmall';",
    async load() {
      const { eld } = await import('eld/extrasmall');
      return (t) => eld.detect(t).language || '';
    },
  },
  {
    name: 'eld (large)',
    pkg: 'eld',
    entry: "export { eld } from 'eld/large';",
    async load() {
      const { eld } = await import('eld/large');
      return (t) => eld.detect(t).language || '';
    },
  },
  {
    name: 'franc-min',
    pkg: 'franc-min',
    entry: "export { franc } from 'franc-min';",
    async load() {
      const { franc } = await import('franc-min');
      return (t) => ISO3[franc(t, { minLength: 1 })] ?? franc(t, { minLength: 1 });
    },
  },
  {
    name: 'tinyld',
    pkg: 'tinyld',
    entry: "export { detect } from 'tinyld';",
    async load() {
      const { detect } = await import('tinyld');
      return (t) => detect(t) || '';
    },
  },
  {
    name: 'tinyld (light)',
    pkg: 'tinyld',
    entry: "export { detect } from 'tinyld/light';",
    async load() {
      const { detect } = await import('tinyld/light');
      return (t) => detect(t) || '';
    },
  },
  {
    name: 'cld3-asm',
    pkg: 'cld3-asm',
    entry: "export { loadModule } from 'cld3-asm';",
    async load() {
      const { loadModule } = await import('cld3-asm');
      const factory = await loadModule();
      const id = factory.create(0, 1000);
      return (t) => {
        const r = id.findLanguage(t);
        return r.language === 'und' ? '' : r.language.split('-')[0];
      };
    },
  },
];
