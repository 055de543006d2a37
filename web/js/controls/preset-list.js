// The presets of an experiment: one button per paper figure, with its citation linked. The active preset is
// marked with aria-pressed; changing any setting afterwards leaves the preset (its caption no longer applies).

export class PresetList {
  constructor(container, presets, { onChoose }) {
    container.replaceChildren();
    this.buttons = new Map();
    for (const preset of presets) {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'preset';
      button.dataset.preset = preset.key;
      button.setAttribute('aria-pressed', 'false');
      button.textContent = preset.title;
      button.addEventListener('click', () => onChoose(preset));
      const cite = document.createElement(preset.citation.url ? 'a' : 'span');
      cite.className = 'citation';
      if (preset.citation.url) {
        cite.href = preset.citation.url;
        cite.target = '_blank';
        cite.rel = 'noopener';
      }
      cite.textContent = preset.citation.text;
      item.append(button, cite);
      container.append(item);
      this.buttons.set(preset.key, button);
    }
  }

  setActive(key) {
    for (const [presetKey, button] of this.buttons) button.setAttribute('aria-pressed', String(presetKey === key));
  }
}
