import { parseArgs } from 'node:util';
import type { PartyHoldings } from '@shared/contract/engine';
import { PARTY_KINDS, type PartyKind } from '@shared/domain';
import { EXIT, UsageError, type CliIo } from '../io';
import { partyByName, withWorkbook } from './workbook-arg';

export const PARTIES_HELP = `Usage: demarc parties <file.demarc> <action> ...

  list [--json]                                    every party with what it owns and holds
  add NAME --kind person|team|provider|third_party [--email E] [--json]
  leave NAME --date YYYY-MM-DD [--json]            mark as left; prints what they still hold
  reassign FROM TO [--json]                        move ownership and roles to another active party`;

function printHoldings(h: PartyHoldings, io: CliIo): void {
  const lines = [`${h.party.name} left${h.party.leftAt ? ` on ${h.party.leftAt.slice(0, 10)}` : ''}.`];
  if (h.ownerOf.length === 0 && h.assignments.length === 0) lines.push('They hold nothing.');
  else {
    lines.push(`Still held (reassign with: demarc parties <file> reassign "${h.party.name}" <someone>):`);
    for (const a of h.ownerOf) lines.push(`  owner of ${a.assetName}`);
    for (const a of h.assignments) lines.push(`  ${a.role} on "${a.layerTitle}" of ${a.assetName}`);
  }
  io.stdout(`${lines.join('\n')}\n`);
}

export async function runParties(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, kind: { type: 'string' }, email: { type: 'string' }, date: { type: 'string' } },
    allowPositionals: true,
    strict: true
  });
  const [file, action, ...rest] = positionals;
  if (action === undefined) throw new UsageError('demarc parties: expected a workbook file and an action: list, add, leave or reassign');
  const json = (value: unknown) => io.stdout(`${JSON.stringify(value, null, 2)}\n`);
  return withWorkbook('parties', file, io, async (cli) => {
    switch (action) {
      case 'list': {
        const parties = await cli.call('parties.list', {});
        if (values.json) json(parties);
        else {
          const lines = parties.map((p) => `${p.name.padEnd(30)} ${p.kind.padEnd(11)} ${p.active ? 'active' : `left ${p.leftAt?.slice(0, 10) ?? ''}`.trim()}  owns ${p.ownerOf}  R ${p.roles.R} A ${p.roles.A} C ${p.roles.C} I ${p.roles.I}`);
          io.stdout(`${lines.join('\n')}\n`);
        }
        return EXIT.ok;
      }
      case 'add': {
        const [name] = rest;
        if (name === undefined || rest.length !== 1) throw new UsageError('demarc parties add: expected one NAME (quote names with spaces)');
        if (values.kind === undefined || !(PARTY_KINDS as readonly string[]).includes(values.kind)) {
          throw new UsageError(`demarc parties add: --kind: use one of ${PARTY_KINDS.join(', ')}`);
        }
        const party = await cli.call('parties.add', { name, kind: values.kind as PartyKind, ...(values.email ? { email: values.email } : {}) });
        if (values.json) json(party);
        else io.stdout(`Added ${party.kind} ${party.name} (#${party.id})\n`);
        return EXIT.ok;
      }
      case 'leave': {
        const [name] = rest;
        if (name === undefined || rest.length !== 1) throw new UsageError('demarc parties leave: expected one NAME');
        if (values.date === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError('demarc parties leave: --date: give the day they left as YYYY-MM-DD');
        const party = partyByName('parties leave', await cli.call('parties.list', {}), name, 'NAME');
        const holdings = await cli.call('parties.leave', { id: party.id, leftAt: values.date });
        if (values.json) json(holdings);
        else printHoldings(holdings, io);
        return EXIT.ok;
      }
      case 'reassign': {
        const [fromName, toName] = rest;
        if (fromName === undefined || toName === undefined || rest.length !== 2) throw new UsageError('demarc parties reassign: expected FROM and TO party names');
        const parties = await cli.call('parties.list', {});
        const from = partyByName('parties reassign', parties, fromName, 'FROM');
        const to = partyByName('parties reassign', parties, toName, 'TO');
        const result = await cli.call('parties.reassign', { fromId: from.id, toId: to.id });
        io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${result.summary}\n`);
        return EXIT.ok;
      }
      default:
        throw new UsageError(`demarc parties: unknown action "${action}"; use list, add, leave or reassign`);
    }
  });
}
