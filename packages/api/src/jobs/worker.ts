/**
 * The job worker's entry point under the name the deployment uses (`dist/jobs/worker.js` in
 * docker-compose.yml; `pnpm --filter @creditline/api worker` from the sources): one worker
 * process, src/modules/jobs/worker-main.ts.
 */
import '../modules/jobs/worker-main.js';
