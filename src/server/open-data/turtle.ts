import { DataFactory, Writer } from 'n3';
import { PREFIXES, type Term, type Triple } from '../../domain/open-data/dcat.ts';

const { namedNode, blankNode, literal, quad } = DataFactory;

function term(t: Term) {
  if (t.kind === 'iri') return namedNode(t.value);
  if (t.kind === 'blank') return blankNode(t.value);
  return literal(t.value, t.language ?? (t.datatype ? namedNode(t.datatype) : undefined));
}

/** The catalogue's triples in Turtle, for harvesters that ask `Accept: text/turtle`. */
export function toTurtle(triples: readonly Triple[]): Promise<string> {
  const writer = new Writer({ prefixes: { ...PREFIXES } });
  for (const t of triples) {
    writer.addQuad(quad(term(t.subject) as never, namedNode(t.predicate), term(t.object) as never));
  }
  return new Promise((resolve, reject) => writer.end((error, result) => (error ? reject(error) : resolve(result))));
}
