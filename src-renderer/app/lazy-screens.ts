import { createElement, lazy, type ComponentType } from 'react';

/**
 * A screen in a chunk of its own that can also be fetched ahead of need. Once fetched it renders
 * at once: a lazy component suspends on its first render even when its chunk is already here,
 * and React then keeps the fallback up for at least 300 ms.
 */
function prefetchableScreen<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  let loaded: ComponentType<Props> | null = null;
  const prefetch = () =>
    load().then((screen) => {
      loaded = screen;
      return screen;
    });
  const Lazy = lazy(() => prefetch().then((screen) => ({ default: screen })));
  function PrefetchableScreen(props: Props) {
    return loaded === null ? createElement(Lazy, props) : createElement(loaded, props);
  }
  return { Screen: PrefetchableScreen, prefetch };
}

const children = prefetchableScreen(() => import('../children/ChildrenScreen').then((module) => module.ChildrenScreen));
const pictures = prefetchableScreen(() => import('../children/PicturesScreen').then((module) => module.PicturesScreen));
const drawing = prefetchableScreen(() => import('../children/DrawingScreen').then((module) => module.DrawingScreen));
const childrenThanks = prefetchableScreen(() => import('../children/ChildrenThanks').then((module) => module.ChildrenThanks));
const textAnswer = prefetchableScreen(() => import('../parents/TextAnswerScreen').then((module) => module.TextAnswerScreen));
const comment = prefetchableScreen(() => import('../parents/CommentScreen').then((module) => module.CommentScreen));

/**
 * Screens most parents never see, each in its own chunk: the staff area, set-up, typing with the
 * on-screen keyboard and the children's way. The parents' start screen loads without them.
 */
export const lazyScreens = {
  StaffArea: lazy(() => import('../staff/StaffArea').then((module) => ({ default: module.StaffArea }))),
  SetupScreen: lazy(() => import('../staff/setup/SetupScreen').then((module) => ({ default: module.SetupScreen }))),
  TextAnswerScreen: textAnswer.Screen,
  CommentScreen: comment.Screen,
  ChildrenScreen: children.Screen,
  PicturesScreen: pictures.Screen,
  DrawingScreen: drawing.Screen,
  ChildrenThanks: childrenThanks.Screen,
};

/**
 * The screens a visitor reaches by a touch or two from the start screen (the children's way, and a
 * parent's written answer or comment) are fetched while the start screen sits idle, so those
 * touches wait on nothing; a child hears the question as soon as the screen is there. The staff
 * area is left to load when it is opened. A fetch that fails here is tried again when the screen
 * is opened.
 */
export function prefetchVisitorScreens(hasChildrenWay: boolean): void {
  const screens = hasChildrenWay ? [textAnswer, comment, children, pictures, drawing, childrenThanks] : [textAnswer, comment];
  for (const screen of screens) screen.prefetch().catch(() => undefined);
}
