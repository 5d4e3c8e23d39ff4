import uPlot from 'uplot';
import uplotCss from 'uplot/dist/uPlot.min.css?inline';

/**
 * uPlot and its stylesheet: one chunk, imported only by the oversight charts. uPlot draws on a
 * canvas and sets styles through the CSSOM, which the staff app's CSP (`style-src 'self'`, no eval)
 * allows; its stylesheet goes into the chart's shadow root.
 */
export { uPlot, uplotCss };
