// What a caption may say about the axes it is read on. A preset's caption is written for the axis its preset draws
// (presetViews), but the reader can switch the y axis (linear / log) and a right-hand axis comes and goes with it:
// the caption names an axis only when the figure on the page draws it. `figure` is what the lab passes to lookFor:
// { log: the y axis is logarithmic, rightAxis: some series are drawn against the right-hand axis }; without it
// (a caption before the lab knows the view, or in a test) the preset's own axis is assumed.

/** Whether the figure draws a log y axis; `presetLog` when the lab has not said. */
export const drawnLog = (figure, presetLog = true) => (typeof figure?.log === 'boolean' ? figure.log : presetLog);

/** " (log y axis)" when the y axis is logarithmic (or not known), else "". */
export const logAxisNote = (figure) => (drawnLog(figure) ? ' (log y axis)' : '');

/** Whether the figure draws series against a right-hand axis; `presetRight` when the lab has not said. */
export const drawnRightAxis = (figure, presetRight = true) => (typeof figure?.rightAxis === 'boolean' ? figure.rightAxis : presetRight);
