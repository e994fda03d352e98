// The draft preview's page: open (an iframe carries no admin token), guarded by the link's signature instead.
export default {
  routes: [
    {
      method: 'GET',
      path: '/nianbao/preview/:documentId',
      handler: 'preview.show',
      config: { auth: false, policies: [] },
    },
  ],
};
