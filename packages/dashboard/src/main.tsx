import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import '@mantine/core/styles.css';
import './app/app.css';
import './i18n';
import { createApolloClient } from './apollo/client';
import { RouterProvider } from './app/router';
import { App } from './app/App';
import { cssVariablesResolver, theme } from './app/theme';

const client = createApolloClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <RouterProvider>
          <App />
        </RouterProvider>
      </MantineProvider>
    </ApolloProvider>
  </StrictMode>,
);
