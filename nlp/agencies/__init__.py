"""The agency sub-system: the registry of bodies, the name shapes that find new ones, the component that
marks mentions, and the links from facts to the body that acted."""
