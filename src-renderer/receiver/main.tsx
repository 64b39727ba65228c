import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReceiverApp } from './ReceiverApp';
import './receiver.css';

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <ReceiverApp />
    </StrictMode>,
  );
}
