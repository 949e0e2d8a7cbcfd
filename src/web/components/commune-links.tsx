import { Anchor, type MantineSize } from '@mantine/core';
import { Fragment } from 'react';
import { Link } from 'react-router';
import { paths } from '../app/paths.ts';

/** Communes named in a sentence, each a link to its page: « Bastogne, Bertogne ». */
export function CommuneLinks({
  communes,
  size,
}: {
  communes: { nisCode: string; name: string }[];
  size?: MantineSize;
}) {
  return communes.map((commune, index) => (
    <Fragment key={commune.nisCode}>
      {index > 0 ? ', ' : null}
      <Anchor component={Link} to={paths.commune.to(commune.nisCode)} {...(size ? { size } : {})}>
        {commune.name}
      </Anchor>
    </Fragment>
  ));
}
