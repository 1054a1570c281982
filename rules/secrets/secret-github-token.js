// ruleid: secret-github-token
const octokit = new Octokit({ auth: "%%fake:github-token%%" });
// ruleid: secret-github-token
const GITHUB_TOKEN = "%%fake:github-pat%%";
// ok: secret-github-token
const octokit2 = new Octokit({ auth: process.env.GITHUB_TOKEN });
// ok: secret-github-token
const TOKEN = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
// ok: secret-github-token
const prefix = "ghp_";
