import { Navigate, useParams } from 'react-router';
import { paths } from '../../app/paths.ts';

/** The old public progress address (`/communes/:nisCode/progress`) now opens the commune's Smart programme. */
export default function ProgressRedirect() {
  const { nisCode = '' } = useParams();
  return <Navigate replace to={paths.programme.to(nisCode)} />;
}
