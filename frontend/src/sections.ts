import {
  BriefcaseOutline,
  BusinessOutline,
  DocumentTextOutline,
  GridOutline,
  LeafOutline,
  LibraryOutline,
  PeopleOutline,
  SettingsOutline,
  TimeOutline,
} from '@vicons/ionicons5';
import type { Component } from 'vue';
import type { Section } from './router';

export const SECTION_ICONS: Record<Section, Component> = {
  dashboard: GridOutline,
  volunteers: PeopleOutline,
  projects: BriefcaseOutline,
  organizations: BusinessOutline,
  hours: TimeOutline,
  impact: LeafOutline,
  reports: DocumentTextOutline,
  resources: LibraryOutline,
  settings: SettingsOutline,
};
