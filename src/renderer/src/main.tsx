import { notifyManager } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles.css';

// Answers come from main over IPC: React Query hands them to React in a microtask of the task
// they arrive in, not a setTimeout later, which can fall behind a frame (a keystroke's result
// then shows a frame late). Notifications within one task are still batched.
notifyManager.setScheduler(queueMicrotask);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>
);
