import { graphql } from '../../../generated';

export const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      token
      agent {
        id
        username
        displayName
        role
      }
      userErrors {
        code
        ...UserErrorParts
      }
    }
  }
`);

export const DemoLoginsQuery = graphql(`
  query DemoLogins {
    demoLogins {
      username
      password
      role
    }
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      id
      username
      displayName
      role
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut {
      signedOut
    }
  }
`);
