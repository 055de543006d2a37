// What a downloaded figure or data file needs to be reproduced: the lab's version and build flavour, the full
// request (every parameter, the sweep), the seed and trial count, and the link that redraws it.

/** preset: the preset the figure started from ('' for none); changed: what differs from it, in words ('' for nothing). */
export function manifest({ version, flavour, request, result, link, preset = '', changed = '' }) {
  return {
    generator: 'Collapse Lab',
    version,
    flavour,
    experiment: request.experiment,
    seed: result.seed,
    trials: result.trials,
    parameters: result.config,
    preset: preset || null,
    changed: changed || null,
    x: request.x ?? null,
    series: request.series ?? null,
    link,
    created: new Date().toISOString(),
  };
}

/** The Result contract at the top level, with the manifest beside it. */
export function resultJson(manifestObject, result) {
  return `${JSON.stringify({ manifest: manifestObject, ...result }, null, 2)}\n`;
}

/** The engine's long-format CSV under '#' comment lines holding the manifest (read with comment='#'). */
export function resultCsv(manifestObject, csv) {
  const m = manifestObject;
  const lines = [
    `# ${m.generator} ${m.version} (${m.flavour} build): ${m.experiment}`,
    `# seed: ${m.seed}; trials: ${m.trials}`,
    `# parameters: ${Object.entries(m.parameters).map(([k, v]) => `${k}=${v}`).join(' ')}`,
    `# x: ${m.x ?? 'natural'}; series: ${m.series ?? 'natural'}`,
    `# link: ${m.link}`,
    `# created: ${m.created}`,
  ];
  return `${lines.join('\n')}\n${csv.endsWith('\n') ? csv : `${csv}\n`}`;
}

/** collapse-lab_<experiment>[_<preset>[-changed]]_seed<seed>: what the file holds, at a glance. */
export function fileStem(m) {
  const preset = m.preset ? `_${m.preset}${m.changed ? '-changed' : ''}` : '';
  return `collapse-lab_${m.experiment}${preset}_seed${m.seed}`;
}
