import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { z } from 'zod';
import { DomainError } from '../../domain/shared/errors.ts';
import { diagnoseInfeasibility } from '../../domain/strategy/infeasibility.ts';
import { rankAlternatives } from '../../domain/strategy/promethee.ts';
import { PortfolioProblem, RankProblem } from '../../domain/strategy/schemas.ts';
import { PortfolioSolver } from '../../server/strategy/portfolio-solver.ts';
import { CliError, type CliIo, print } from '../context.ts';

/**
 * `smart-rural analyse rank` and `analyse portfolio`: the strategy engines on a JSON file, printing JSON on stdout
 * in the formats of issue 4. Input errors (unreadable file, bad JSON, wrong shape, unknown ids, a dependency cycle,
 * an infeasible problem) print one clear line on stderr and exit with code 2; never a stack trace.
 *
 * Registered under the `analyse` group by `registerStrategyAnalyses(analyse, io)` (other features add theirs there).
 */
export function registerStrategyAnalyses(analyse: Command, io: CliIo): void {
  analyse
    .command('rank')
    .description(
      'rank alternatives with PROMETHEE II; prints {"ranking":[{"id","phiPlus","phiMinus","phi","rank"}]} sorted by rank',
    )
    .requiredOption('--input <file>', 'the problem as JSON ({"criteria":[…],"alternatives":[…]}); - reads stdin')
    .addHelpText(
      'after',
      `
Input:
  {"criteria":[{"id":"cost","direction":"min","weight":2,"preference":{"type":"linear","q":10,"p":50}}, …],
   "alternatives":[{"id":"a","values":{"cost":120, …}}, …]}
  preference types: usual, u-shape (q), v-shape (p), level (q, p), linear (q, p), gaussian (s).
Exit codes: 0 ranked, 2 bad input (the message names the cause).`,
    )
    .action(async (options: { input: string }) => {
      const problem = parseInput(RankProblem, await readJson(options.input), 'ranking problem');
      try {
        print(io, JSON.stringify(rankAlternatives(problem)));
      } catch (error) {
        throw asInputError(error);
      }
    });

  analyse
    .command('portfolio')
    .description(
      'the optimal multi-year plan (HiGHS); prints {"status","objective","plan":[{"id","horizon"}],"greedyObjective"}',
    )
    .requiredOption('--input <file>', 'the portfolio as JSON ({"horizons":[…],"projects":[…]}); - reads stdin')
    .option('--time-limit <seconds>', 'stop after this long with the best plan found (status time_limit)', '60')
    .option('--gap <ratio>', 'relative optimality gap at which to stop (0: proven optimal)', '0')
    .addHelpText(
      'after',
      `
Input:
  {"horizons":[{"id":"short","budget":200000,"valueFactor":1}, …],            (in time order; no budget carries over)
   "projects":[{"id":"fibre","value":80,"cost":180000,"requires":[…],"excludes":[…],"earliest":"medium","mandatory":true}, …],
   "locks":[{"projectId":"fibre","horizonId":"short"}]}                           (optional)
  objective = Σ value × valueFactor of the horizon each chosen project is placed in.
Exit codes: 0 solved (optimal or time_limit), 2 bad input or infeasible problem (the plan JSON is still printed,
with "status":"infeasible", and stderr names the cause).`,
    )
    .action(async (options: { input: string; timeLimit: string; gap: string }) => {
      const timeLimitSeconds = positiveNumber(options.timeLimit, '--time-limit');
      const relativeGap = positiveNumber(options.gap, '--gap', true);
      const problem = parseInput(PortfolioProblem, await readJson(options.input), 'portfolio');
      const solver = new PortfolioSolver();
      try {
        const result = await solver.solve(problem, { timeLimitSeconds, relativeGap });
        print(io, JSON.stringify(result));
        if (result.status === 'infeasible') {
          throw new CliError(`infeasible portfolio: ${diagnoseInfeasibility(problem).message}`, 2);
        }
      } catch (error) {
        throw asInputError(error);
      } finally {
        await solver.close();
      }
    });
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = path === '-' ? await readStdin() : await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new CliError(`cannot read ${path}: ${reason}`, 2);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${path} is not valid JSON: ${(error as Error).message}`, 2);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** The zod issues as "field: problem" lines: "criteria.0.direction: expected one of max|min". */
function parseInput<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 10).map((issue) => {
    const field = issue.path.map(String).join('.') || '(top level)';
    return `${field}: ${issue.message}`;
  });
  const more = parsed.error.issues.length > 10 ? `\n  … and ${parsed.error.issues.length - 10} more` : '';
  throw new CliError(`invalid ${what}:\n  ${problems.join('\n  ')}${more}`, 2);
}

function positiveNumber(text: string, option: string, zeroAllowed = false): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0 || (!zeroAllowed && value === 0)) {
    throw new CliError(`${option} must be a number ${zeroAllowed ? '≥ 0' : '> 0'}, got "${text}"`, 2);
  }
  return value;
}

/** A broken rule of the problem (unknown id, cycle…) is the caller's input error: exit code 2 with its message. */
function asInputError(error: unknown): unknown {
  if (error instanceof DomainError) return new CliError(`invalid input (${error.code}): ${error.message}`, 2);
  return error;
}
