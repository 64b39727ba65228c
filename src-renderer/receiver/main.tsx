// First: bc-ur needs Buffer on globalThis before its modules run.
import './install-buffer';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReceiverApp } from './ReceiverApp';
import { prepareReader } from './zxing-reader';
import './receiver.css';

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <ReceiverApp />
    </StrictMode>,
  );
}
// Compiled while the page is read, so the first scan starts at once.
void prepareReader();
