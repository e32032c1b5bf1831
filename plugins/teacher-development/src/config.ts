import type { PluginRegistrar } from '@lifelong/core';
import { Type } from '@sinclair/typebox';
import { CoursesConfig } from './courses/config.js';
import { LearningConfig } from './learning/config.js';
import { MediaConfig } from './media/config.js';
import { PricingConfig } from './pricing/config.js';
import { QualityConfig } from './quality/config.js';
import { RecommendationsConfig } from './recommendations/config.js';
import { StudiosConfig } from './studios/config.js';
import { TeachersConfig } from './teachers/config.js';
import { TextbooksConfig } from './textbooks/config.js';

/** The teacher development center's configuration per region: one section per feature. */
export const TeacherDevelopmentConfig = Type.Object({
  teachers: TeachersConfig,
  courses: CoursesConfig,
  media: MediaConfig,
  learning: LearningConfig,
  pricing: PricingConfig,
  quality: QualityConfig,
  recommendations: RecommendationsConfig,
  studios: StudiosConfig,
  textbooks: TextbooksConfig,
});

export type TeacherDevelopmentRegistrar = PluginRegistrar<typeof TeacherDevelopmentConfig>;
