import { paths } from '../../config/paths.js';
import { Link } from '../../lib/router.js';
import { ReviewLayout } from '../review-layout.js';

/** Any other path. */
export function NotFoundRoute() {
  return (
    <ReviewLayout>
      <title>Page not found · PAVE sessions</title>
      <h1>Page not found</h1>
      <p>
        <Link to={paths.home()}>Go to the sessions list</Link>
      </p>
    </ReviewLayout>
  );
}
