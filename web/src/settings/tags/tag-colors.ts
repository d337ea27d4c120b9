/** Colours offered as swatches for tags (those of the recommended system first). */
export const TAG_SWATCHES = [
  '#7048e8',
  '#2f9e44',
  '#1971c2',
  '#e8590c',
  '#0c8599',
  '#c2255c',
  '#e03131',
  '#f08c00',
  '#66a80f',
  '#1098ad',
  '#4263eb',
  '#ae3ec9',
  '#868e96',
  '#343a40',
];
