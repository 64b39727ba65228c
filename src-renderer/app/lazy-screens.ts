import { lazy } from 'react';

/**
 * Screens most parents never see, each in its own chunk: the staff area, set-up and typing with
 * the on-screen keyboard. The parents' start screen loads without them.
 */
export const lazyScreens = {
  StaffArea: lazy(() => import('../staff/StaffArea').then((module) => ({ default: module.StaffArea }))),
  SetupScreen: lazy(() => import('../staff/setup/SetupScreen').then((module) => ({ default: module.SetupScreen }))),
  TextAnswerScreen: lazy(() => import('../parents/TextAnswerScreen').then((module) => ({ default: module.TextAnswerScreen }))),
  CommentScreen: lazy(() => import('../parents/CommentScreen').then((module) => ({ default: module.CommentScreen }))),
  ChildrenScreen: lazy(() => import('../children/ChildrenScreen').then((module) => ({ default: module.ChildrenScreen }))),
  PicturesScreen: lazy(() => import('../children/PicturesScreen').then((module) => ({ default: module.PicturesScreen }))),
  DrawingScreen: lazy(() => import('../children/DrawingScreen').then((module) => ({ default: module.DrawingScreen }))),
  ChildrenThanks: lazy(() => import('../children/ChildrenThanks').then((module) => ({ default: module.ChildrenThanks }))),
};
