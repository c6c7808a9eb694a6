import { PageTitle } from '../../ui/states.tsx';

export default function Page(_props: { id?: string }) {
  return <PageTitle>To do</PageTitle>;
}
