// Imported first: libraries that read NODE_ENV at load time (graphql's dev-mode checks) see production, as in a deployment.
process.env.NODE_ENV = 'production';
