// A Chart.js plugin that paints the canvas background (options.plugins.collapseLabBackground.colour), so an
// exported PNG is not transparent. Shared by the metric figure and the picture panel.
export const canvasBackground = {
  id: 'collapseLabBackground',
  beforeDraw(chart, _args, options) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = options.colour;
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};
