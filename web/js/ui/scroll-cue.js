// A cue that a horizontally scrolling strip (the experiment tabs on a phone) has more to the left or right: the
// element gets data-more="left", "right" or "both", which the CSS turns into a fade at that edge.

export function scrollCue(element) {
  const update = () => {
    const left = element.scrollLeft > 2;
    const right = element.scrollLeft + element.clientWidth < element.scrollWidth - 2;
    if (left || right) element.dataset.more = left && right ? 'both' : left ? 'left' : 'right';
    else delete element.dataset.more;
  };
  if (!element.dataset.cueWatched) {
    element.dataset.cueWatched = 'true';
    element.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
  }
  update();
  return update;
}
