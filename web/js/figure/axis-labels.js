// Axis titles with the paper's symbols: the Result's labels, plus the unit from the catalogue when the x axis is
// a swept parameter that has one.

export function xAxisTitle(result, catalogueExperiment) {
  const parameter = catalogueExperiment.parameters.find((p) => p.key === result.x.key);
  return parameter?.unit ? `${result.x.label} (${parameter.unit})` : result.x.label;
}

export function yAxisTitle(result) {
  return result.metric.label;
}

/**
 * A catalogue label as a reader reads it: the Σ-norm "E‖ŵ − w*‖²_Σ" (a literal "_Σ" on screen) becomes
 * "E (ŵ − w*)ᵀΣ(ŵ − w*)", the same quantity written without subscript markup.
 */
export function readableLabel(text) {
  return String(text).replace(/(E\s*)?‖([^‖]+)‖²_Σ/g, (_m, e, v) => `${e ? 'E ' : ''}(${v})ᵀΣ(${v})`);
}
