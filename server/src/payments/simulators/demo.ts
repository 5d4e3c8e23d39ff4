import type { ServerConfig } from '../../config/config.ts';
import { startPaygovSimulator } from './paygov-simulator.ts';
import { startVnpaySimulator } from './vnpay-simulator.ts';

export interface DemoPayments {
  /** Where the simulators' pages are (the banner prints them). */
  vnpay: string;
  paygov: string;
  close(): Promise<void>;
}

/**
 * The demo's payment providers (`npm start`): both simulators on loopback, and the server's
 * payments configured to them, so that a demo dossier whose fees are due first can be paid
 * online. `serverUrl` is where the simulators send the IPN, callback and payer back.
 */
export async function startDemoPayments(
  config: ServerConfig,
  demo: { secret: string },
  serverUrl: string,
): Promise<DemoPayments> {
  const vnpay = { tmnCode: 'MOTCUADEMO', hashSecret: `vnpay-${demo.secret}` };
  const paygov = { partnerCode: 'MOTCUADEMO', secret: `paygov-${demo.secret}` };
  const api = `${serverUrl}/api/v1/public/payments`;
  const vnpaySim = await startVnpaySimulator({ ...vnpay, ipnUrl: `${api}/vnpay/ipn` });
  const paygovSim = await startPaygovSimulator({
    ...paygov,
    callbackUrl: `${api}/paygov/callback`,
    returnUrl: `${api}/paygov/return`,
  });
  config.payments = { vnpay: { ...vnpay, payUrl: vnpaySim.payUrl }, paygov: { ...paygov, url: paygovSim.url } };
  return {
    vnpay: vnpaySim.payUrl,
    paygov: paygovSim.url,
    close: async () => {
      await vnpaySim.close();
      await paygovSim.close();
    },
  };
}
