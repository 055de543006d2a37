// Axis titles with the paper's symbols: the Result's labels, plus the unit from the catalogue when the x axis is
// a swept parameter that has one.

export function xAxisTitle(result, catalogueExperiment) {
  const parameter = catalogueExperiment.parameters.find((p) => p.key === result.x.key);
  return parameter?.unit ? `${result.x.label} (${parameter.unit})` : result.x.label;
}

export function yAxisTitle(result) {
  return result.metric.label;
}
