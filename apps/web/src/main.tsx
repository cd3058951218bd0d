import { createRoot } from 'react-dom/client';
import { App } from './app';
import { resume } from './api/session';
import './styles.css';

void resume();
createRoot(document.getElementById('root')!).render(<App />);
