// The kernel-real-vs-synthetic lab view: Kazdan et al.'s cardinality-vs-proportion grid with kernel ridge on real
// MNIST digits. The same figures and reading as real-vs-synthetic.js (the heatmap preset, the "vs proportion" lines),
// with the digits' controls. See index.js for what a view file may declare.
import linear from './real-vs-synthetic.js';
import { proportionFigure } from '../figure/proportion-figure.js';

export default {
  key: 'kernel-real-vs-synthetic',
  groups: [
    { title: 'Training digits (per class)', keys: ['realSamples', 'syntheticSamples'] },
    { title: 'Generator', keys: ['generatorSamples', 'generatorRidge', 'generatorNoise'] },
    { title: 'Kernel ridge model', keys: ['kernel', 'bandwidth', 'degree', 'ridge'] },
    { title: 'MNIST digits', keys: ['target', 'testSamples'] },
    { title: 'Monte Carlo', keys: ['trials', 'seed'] },
  ],
  defaultPreset: 'mnist-cardinality-vs-proportion',
  presetViews: { 'mnist-cardinality-vs-proportion': { y: 'log', figure: 'heatmap' } },
  figures: { proportion: { label: 'vs proportion', build: proportionFigure } },
  lookFor: {
    'mnist-cardinality-vs-proportion'(result) {
      const text = linear.lookFor['cardinality-vs-proportion'](result)
        .replace('n_real real samples (up) and n_synth synthetic ones', 'n_real real MNIST digits per class (up) and n_synth synthetic ones')
        .replace(/synthetic samples/g, 'synthetic digits per class');
      return text && `${text} The generator's labels carry noise σ₀ = ${result.config.generatorNoise}; every model is a kernel ` +
        `ridge with λ = ${result.config.ridge}.`;
    },
  },
  caption: (result) => 'Test error on real MNIST digits of kernel ridge models trained on n_real real and n_synth synthetic digits per class; ' +
    'dashed: the exact expected error given the digits.' +
    (result.x.key !== 'generatorNoise' && !result.series.some((s) => s.key === 'generatorNoise') ? ` Generator noise σ₀ = ${result.config.generatorNoise}.` : ''),
};
