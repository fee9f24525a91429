/**
 * The Google Cloud model's cells, written out by hand from the text of "Shared responsibilities
 * and shared fate on Google Cloud" (its table of service types; the diagram is an image that was
 * not read), through deriveResponsibility. Never computed from the JSON file.
 */
import { describe, expect, it } from 'vitest';
import { deriveResponsibility } from '@core/derive';
import { BUILTIN_MODELS, parseModel } from '@core/models';
import type { ServiceModel } from '@shared/domain';

const C = 'customer';
const P = 'provider';
const S = 'shared';

//                                                                        On-prem IaaS PaaS SaaS
const GOOGLE_2023: [string, string, [string, string, string, string]][] = [
  ['data', 'Data', [C, C, C, C]],
  ['access-policies', 'Access policies', [C, C, C, C]],
  ['identity-and-access-management', 'Identity and access management', [C, C, S, S]],
  ['client-protection', 'Client protection', [C, C, C, C]],
  ['application-level-controls', 'Application-level controls', [C, C, S, P]],
  ['network-security', 'Network security', [C, C, S, P]],
  ['operating-system-and-runtime', 'Operating system and runtime', [C, C, P, P]],
  ['underlying-infrastructure', 'Underlying infrastructure', [C, P, P, P]],
  ['physical-security', 'Physical security', [C, P, P, P]]
];

const COLUMNS: ServiceModel[] = ['onprem', 'iaas', 'paas', 'saas'];

describe('Google Cloud model (shared fate page, reviewed 2023-08-21)', () => {
  const model = BUILTIN_MODELS['google-cloud-2023-08'];

  it('is built in, with Google Cloud as its one provider party and its source cited', () => {
    expect(model?.parties).toEqual([{ id: 'provider', name: 'Google Cloud', kind: 'provider' }]);
    expect(model?.source).toMatchObject({
      url: 'https://cloud.google.com/architecture/framework/security/shared-responsibility-shared-fate',
      date: '2023-08-21'
    });
    // The diagram is an image: the note says so and the titles are not claimed as Google's.
    expect(model?.source.note).toMatch(/image that could not be read/);
    expect(model?.serviceModels).toEqual(COLUMNS);
  });

  it('derives every one of its 36 cells as the page reads', () => {
    if (model === undefined) throw new Error('google-cloud-2023-08 is not built in');
    expect(model.layers.map((l) => [l.id, l.title])).toEqual(GOOGLE_2023.map(([id, title]) => [id, title]));
    let cells = 0;
    COLUMNS.forEach((serviceModel, column) => {
      const derived = deriveResponsibility({ serviceModel }, model, []);
      GOOGLE_2023.forEach(([layerId, , row], i) => {
        expect({ layerId, serviceModel, published: derived[i]?.published }).toEqual({ layerId, serviceModel, published: row[column] });
        cells++;
      });
    });
    expect(cells).toBe(36);
  });

  it('keeps data and access policies with the customer for good (the page: "always remain responsible")', () => {
    expect(model?.layers.filter((l) => l.permanentCustomer).map((l) => l.id)).toEqual(['data', 'access-policies']);
  });
});

describe('serviceModelDetails', () => {
  it('must name declared columns only', () => {
    const google = BUILTIN_MODELS['google-cloud-2023-08'];
    const json = { ...google, id: 'g2', serviceModelDetails: { iaas: { label: 'Compute' }, paas: { label: 'Platform' }, faas: { label: 'Functions' } } };
    expect(() => parseModel(json, 'g2.json')).toThrow(/\$\.serviceModelDetails\.faas: "faas" is not one of the model's serviceModels/);
    expect(parseModel({ ...json, serviceModelDetails: { iaas: { label: 'Compute' } } }, 'g2.json').serviceModelDetails).toEqual({ iaas: { label: 'Compute' } });
  });
});
