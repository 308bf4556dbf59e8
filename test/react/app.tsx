// The React app of test/node/react-wrapper.test.mjs: the GroupFinder wrapper used the way an
// app uses it, imported by the package name (bundled by esbuild through package.json exports).
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { GroupFinder } from 'selbsthilfe-widgets/react.js';

declare global {
  interface Window {
    /** `detail.count` of every shg-search the onSearch prop received. */
    searchCounts: number[];
  }
}
window.searchCounts = [];

function App() {
  const [topic, setTopic] = useState<string | undefined>(undefined);
  const [count, setCount] = useState<number | undefined>(undefined);
  return (
    <main>
      <button type="button" id="only-diabetes" onClick={() => setTopic('diabetes')}>
        Only diabetes groups
      </button>
      <p>
        Groups found: <output id="count">{count ?? ''}</output>
      </p>
      <GroupFinder
        src="/test/fixtures/mini-feed.json"
        topic={topic}
        onSearch={(event) => {
          window.searchCounts.push(event.detail.count);
          setCount(event.detail.count);
        }}
      />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
