import { useQuery } from '@tanstack/react-query';
import type { DatasetSummary } from '../../../domain/open-data/datasets.ts';
import type { PublicCategories, PublicCategoryAdoption, PublicOverview } from '../../../domain/public/overview.ts';
import type { PublicProgramme } from '../../../domain/public/programme.ts';
import { api } from '../../lib/api.ts';

export const publicKeys = {
  overview: ['public', 'overview'] as const,
  programme: (nisCode: string) => ['public', 'programme', nisCode] as const,
  categories: ['public', 'categories'] as const,
  category: (key: string) => ['public', 'category', key] as const,
};

export function usePublicOverview() {
  return useQuery({ queryKey: publicKeys.overview, queryFn: () => api.get<PublicOverview>('/api/public/overview') });
}

export function usePublicProgramme(nisCode: string) {
  return useQuery({
    queryKey: publicKeys.programme(nisCode),
    queryFn: () => api.get<PublicProgramme>(`/api/public/communes/${encodeURIComponent(nisCode)}/programme`),
  });
}

export function usePublicCategories() {
  return useQuery({
    queryKey: publicKeys.categories,
    queryFn: () => api.get<PublicCategories>('/api/public/catalogue/categories'),
  });
}

export function usePublicCategory(key: string) {
  return useQuery({
    queryKey: publicKeys.category(key),
    queryFn: () => api.get<PublicCategoryAdoption>(`/api/public/catalogue/categories/${encodeURIComponent(key)}`),
  });
}

export function useOpenDatasets() {
  return useQuery({
    queryKey: ['public', 'open-data'] as const,
    queryFn: () => api.get<DatasetSummary[]>('/api/open-data/datasets'),
  });
}
