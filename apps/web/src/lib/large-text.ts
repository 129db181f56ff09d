import { createContext, useContext } from 'react';

/** 大字模式: on or off for the signed-in user, and the header's switch, which saves it with the account (components/ConsoleShell.tsx). */
export const LargeTextContext = createContext<{ large: boolean; setLarge: (on: boolean) => Promise<void> }>({
  large: false,
  setLarge: () => Promise.resolve(),
});

export const useLargeText = () => useContext(LargeTextContext);
