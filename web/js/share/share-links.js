// Links to the current state: the page itself (Copy link), the embed (?embed=1) and the iframe snippet. The
// state travels in the hash; query options that only concern this browser (flavour, pool) are not shared.

function pageUrl() {
  return `${location.origin}${location.pathname}`;
}

export function shareUrl(hash) {
  return `${pageUrl()}${hash}`;
}

export function embedUrl(hash) {
  return `${pageUrl()}?embed=1${hash}`;
}

function attribute(text) {
  return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The iframe a course page pastes in. Attribute values are escaped: the title comes from the preset. */
export function iframeSnippet({ src, title, height = 560 }) {
  return `<iframe src="${attribute(src)}" title="${attribute(title)}" width="100%" height="${Number(height) || 560}" ` +
    'style="border:0; max-width:100%;" loading="lazy"></iframe>';
}

/** Copies text; falls back to a selected, hidden textarea where the Clipboard API is unavailable. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand?.('copy') ?? false;
    area.remove();
    return ok;
  }
}
